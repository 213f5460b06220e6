/**
 * BambooHR as a target: the create-employee request and the translation of BambooHR's answers into answers a
 * recruiter can act on.
 */
package com.comeet.hirebridge.bamboohr;
