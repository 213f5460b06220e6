package com.comeet.hirebridge.mapping;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import com.comeet.hirebridge.company.Company;
import com.comeet.hirebridge.company.CompanyDirectory;
import com.comeet.hirebridge.inbound.ComeetDoor;
import com.comeet.hirebridge.inbound.ComeetRejection;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The mapping of every company, loaded and validated at start-up; the route step that turns the candidate into
 * the employee fields of the company's target.
 */
@Component("hireMappings")
public class HireMappings {

    /** Exchange property: the employee fields for the target, in the mapping file's order. */
    public static final String EMPLOYEE_FIELDS = "hireEmployeeFields";
    /** Exchange property: field to source value, for the values the field's value map does not list. */
    public static final String UNLISTED_VALUES = "hireUnlistedValues";

    private final Map<String, HireMapping> byCompany = new HashMap<>();

    public HireMappings(CompanyDirectory companies) {
        Map<Path, HireMapping> byFile = new HashMap<>();
        for (Company company : companies.all()) {
            byCompany.put(company.name(), byFile.computeIfAbsent(company.mapping(), HireMappingLoader::load));
        }
    }

    public HireMapping of(Company company) {
        return byCompany.get(company.name());
    }

    /** Replaces the body with the employee fields; a missing required value answers 422 with its sentence. */
    public void mapToEmployee(Exchange exchange) {
        Company company = exchange.getProperty(ComeetDoor.COMPANY, Company.class);
        JsonNode candidate = exchange.getProperty(ComeetDoor.CANDIDATE, JsonNode.class);

        HireMapping.Result result = of(company).apply(candidate);
        if (!result.missing().isEmpty()) {
            throw new ComeetRejection(422, "missing-required-values",
                    String.join(". ", result.missing().stream().map(HireMappings::withoutFinalStop).toList())
                            + ". Complete the Hire form and submit again.");
        }
        exchange.setProperty(EMPLOYEE_FIELDS, result.fields());
        exchange.setProperty(UNLISTED_VALUES, result.unlisted());
        exchange.getMessage().setBody(result.fields());
    }

    private static String withoutFinalStop(String sentence) {
        String trimmed = sentence.trim();
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
