package com.comeet.hirebridge.company;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * A validated company: the name in its Comeet URLs, the keys Comeet signs with, and where its hires go.
 *
 * @param secrets the UTF-8 bytes of each accepted Comeet Secret Key (several while rotating)
 */
public record Company(String name, List<byte[]> secrets, Target target, Path mapping, BambooHrAccount bamboohr,
        WorkdayAccount workday) {

    /**
     * A BambooHR account; {@code employeesUrl} is where new employees are posted.
     *
     * @param fileCategory the employee file section the candidate's files go to, or null: they are not uploaded
     */
    public record BambooHrAccount(URI baseUrl, String apiKey, Integer fileCategory) {

        /** HTTP Basic as BambooHR wants it: the API key as user, {@code x} as password. */
        public String authorization() {
            return "Basic " + Base64.getEncoder().encodeToString((apiKey + ":x").getBytes(StandardCharsets.UTF_8));
        }

        public String employeesUrl() {
            return url("v1/employees");
        }

        public String employeeFilesUrl(String employeeId) {
            return url("v1/employees/" + employeeId + "/files");
        }

        /** BambooHR's list fields (department, division, location, ...) and their options. */
        public String listFieldsUrl() {
            return url("v1/meta/lists");
        }

        public String customReportUrl() {
            return url("v1/reports/custom");
        }

        private String url(String path) {
            String base = baseUrl.toString();
            return (base.endsWith("/") ? base : base + "/") + path;
        }

        @Override
        public String toString() {
            return "BambooHrAccount[baseUrl=" + baseUrl + ", apiKey=***, fileCategory=" + fileCategory + "]";
        }
    }

    /**
     * A Workday tenant's Staffing web service.
     *
     * @param version      the Staffing version the endpoint ends with ({@code v26.1}), sent as {@code wd:version}
     * @param autoComplete {@code Business_Process_Parameters/Auto_Complete}: complete the hire without approvals
     */
    public record WorkdayAccount(URI endpoint, String version, String username, String password,
            boolean autoComplete) {

        @Override
        public String toString() {
            return "WorkdayAccount[endpoint=" + endpoint + ", version=" + version + ", username=" + username
                    + ", password=***, autoComplete=" + autoComplete + "]";
        }
    }

    @Override
    public String toString() {
        return "Company[name=" + name + ", secrets=" + secrets.size() + " configured, target=" + target.id()
                + ", mapping=" + mapping + ", bamboohr=" + bamboohr + ", workday=" + workday + "]";
    }
}
