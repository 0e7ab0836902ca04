package org.agora.identity.api.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON body of update_credentials; fields left out stay as they are. */
public record ProfileUpdateRequest(@JsonProperty("display_name") String displayName, String note) {}
