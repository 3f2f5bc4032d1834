package dev.tartan.model;

/**
 * A member of the client's team in Plaid's Dashboard: a reviewer screenings can be assigned to.
 *
 * @param status invited, active or deactivated
 */
public record DashboardUser(String id, String emailAddress, String status) {

    public boolean isActive() {
        return "active".equals(status);
    }
}
