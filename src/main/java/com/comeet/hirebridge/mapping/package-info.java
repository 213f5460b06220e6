/**
 * Declarative hire mappings: for each HRIS field, where its value comes from in the Comeet payload (JSONPath or a
 * questionnaire answer), a value map, a default, and the sentence the recruiter sees when a required value is
 * missing. Validated at start-up with the file and line of each error.
 */
package com.comeet.hirebridge.mapping;
