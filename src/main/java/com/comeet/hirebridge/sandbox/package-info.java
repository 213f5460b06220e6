/**
 * A BambooHR-compatible sandbox served by the bridge itself, so the demo company's hires can be created and seen
 * with no external account. Off unless the demo profile turns it on, and never alongside a production profile.
 */
package com.comeet.hirebridge.sandbox;
