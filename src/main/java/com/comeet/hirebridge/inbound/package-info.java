/**
 * The door Comeet's webhooks come through: the company from the URL, the exact body bytes, the parsed candidate,
 * and every answer Comeet gets back, errors included, as JSON with a {@code display_message}.
 */
package com.comeet.hirebridge.inbound;
