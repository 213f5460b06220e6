/**
 * What every target HRIS shares: which failures are transient, and the backoff between retries of one request.
 */
package com.comeet.hirebridge.hris;
