/**
 * The companies the bridge serves: their Comeet secrets, their target HRIS and its account, validated at start-up.
 */
package com.comeet.hirebridge.company;
