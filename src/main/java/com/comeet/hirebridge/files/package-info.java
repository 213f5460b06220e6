/**
 * The candidate's files: downloaded from Comeet's storage right after the hire is verified (the links expire within
 * minutes), kept with the hire, and uploaded to the HRIS once the employee exists. A file never fails the hire.
 */
package com.comeet.hirebridge.files;
