/**
 * Notifications: e-mails about the status rounds (round opened, deadline reminder, update
 * returned or approved, weekly digest for plan managers), in Dutch or English, each kind
 * switched on or off by its recipient.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "plan", "identity", "tenancy", "shared" })
package be.obmi.notification;
