package be.obmi.identity;

import jakarta.validation.constraints.NotNull;

/**
 * A tenant admin's change of a member's role in their tenant; {@code version} guards
 * against a concurrent edit.
 */
public record RoleForm(@NotNull(message = "{user.role.required}") Role role, Integer version) {
}
