/** Accounts, profiles, devices and tokens on the wire. */
@NullMarked
package dev.marquee.model.identity;

import org.jspecify.annotations.NullMarked;
