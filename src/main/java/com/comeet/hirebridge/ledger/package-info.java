/**
 * The hire ledger: every verified hire recorded before any HRIS call, one row per company and candidate, so that a
 * resubmitted or concurrent delivery never creates a second employee and no hire is lost.
 */
package com.comeet.hirebridge.ledger;
