/**
 * The hire questionnaire: each company's extra Hire-form questions, validated at start-up, asked when their
 * condition holds for the candidate, with options kept from the HRIS's lists, and answered through one editable
 * template.
 */
package com.comeet.hirebridge.questionnaire;
