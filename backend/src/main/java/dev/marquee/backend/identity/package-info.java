/**
 * Accounts, roles, profiles, devices and tokens: sign-in, refresh-token rotation, sign-out, profile PINs
 * and device registration. Other modules ask {@link dev.marquee.backend.identity.IdentityManagement} about
 * profiles and devices; the access tokens themselves are verified by the platform's security.
 */
@ApplicationModule(displayName = "Identity")
@NullMarked
package dev.marquee.backend.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
