package io.ticketrouter.application;

import io.ticketrouter.domain.model.user.Role;

/** Who is calling: a user and the role the user has now. */
public record Identity(String username, Role role) {}
