/**
 * The operator console: a JSON API under {@code /admin/**} for HR operations to list and inspect hires in the
 * ledger and to retry a failed one, behind the configured admin credential.
 */
package com.comeet.hirebridge.console;
