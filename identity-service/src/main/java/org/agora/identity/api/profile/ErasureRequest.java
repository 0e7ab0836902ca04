package org.agora.identity.api.profile;

/** The body of an erasure: the current password (and a TOTP code for accounts that have one). */
public record ErasureRequest(String password, String totp) {}
