package org.agora.events;

/** Every event payload. The wire type is an explicit, versioned constant, never a class name. */
public interface AgoraEvent {
  String type();
}
