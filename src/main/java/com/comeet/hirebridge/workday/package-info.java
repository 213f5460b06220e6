/**
 * Workday as a target: {@code Hire_Employee} and {@code Get_Workers} of the Staffing web service over SOAP, with
 * WS-Security, XML written by StAX and answers read by a parser that refuses DTDs and external entities.
 */
package com.comeet.hirebridge.workday;
