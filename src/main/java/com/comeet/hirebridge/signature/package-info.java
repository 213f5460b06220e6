/**
 * Comeet's webhook signatures: HMAC-SHA256 of the payload with the company's Secret Key, checked in constant time
 * before anything else reads the request.
 */
package com.comeet.hirebridge.signature;
