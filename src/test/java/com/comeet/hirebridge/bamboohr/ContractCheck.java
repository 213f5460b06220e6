package com.comeet.hirebridge.bamboohr;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import com.comeet.hirebridge.bamboohr.BambooHrContract.Located;
import com.comeet.hirebridge.bamboohr.BambooHrContract.Operation;
import com.comeet.hirebridge.bamboohr.BambooHrContract.PathTemplate;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.http.Request;

/**
 * Checks one request against BambooHR's contract: the operation exists, its credentials, parameters and body are
 * what the operation declares. Each problem is one short sentence; none means the request is valid.
 */
final class ContractCheck {

    private static final String GATEWAY = "/api/gateway.php/";
    /** OpenAPI says header parameters with these names are ignored: other fields of the contract cover them. */
    private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final BambooHrContract contract;

    ContractCheck(BambooHrContract contract) {
        this.contract = contract;
    }

    /**
     * Problems of an answer the stand-in gives: the operation must declare the status, and a JSON body must match
     * the schema declared for it. {@code apiPath} is relative to the contract's server ({@code /api/v1/...}).
     */
    List<String> answerViolations(String method, String apiPath, int status, String mediaType, String body) {
        Optional<Operation> operation = contract.operation(method, apiPath);
        if (operation.isEmpty()) {
            return List.of(method + " " + apiPath + " is not an operation of the contract");
        }
        Located response = contract.resolve(operation.get().located().child("responses")
                .child(Integer.toString(status)));
        if (response.node().isMissingNode()) {
            return List.of(method + " " + apiPath + " does not declare the status " + status);
        }
        Located schema = response.child("content").child(mediaType).child("schema");
        if (body == null || schema.node().isMissingNode()) {
            return List.of();
        }
        try {
            return contract.validate(schema.pointer(), JSON.readTree(body)).stream()
                    .map(message -> "answer " + message).toList();
        } catch (JsonProcessingException e) {
            return List.of("the answer is not JSON");
        }
    }

    List<String> violations(Request request) {
        String method = request.getMethod().getName();
        String url = request.getUrl();
        Optional<String> apiPath = apiPath(url.replaceFirst("\\?.*$", ""));
        if (apiPath.isEmpty()) {
            return List.of("the path is neither /api/gateway.php/{companyDomain}/... nor /api/...");
        }
        List<PathTemplate> templates = contract.matchingTemplates(apiPath.get());
        if (templates.isEmpty()) {
            return List.of("no path of the contract matches " + apiPath.get());
        }
        Optional<Operation> operation = contract.operation(method, apiPath.get());
        if (operation.isEmpty()) {
            return List.of(method + " is not an operation of " + templates.get(0).text());
        }

        List<String> violations = new ArrayList<>();
        checkSecurity(request, operation.get(), violations);
        checkParameters(request, apiPath.get(), operation.get(), violations);
        checkBody(request, operation.get(), violations);
        return violations;
    }

    /**
     * The contract's paths start at {@code /api/v1}; BambooHR also serves them under
     * {@code /api/gateway.php/{companyDomain}}, which is what API-key clients call.
     */
    private static Optional<String> apiPath(String rawPath) {
        String path = rawPath;
        if (rawPath.startsWith(GATEWAY)) {
            int endOfDomain = rawPath.indexOf('/', GATEWAY.length());
            if (endOfDomain <= GATEWAY.length()) {
                return Optional.empty();
            }
            path = "/api" + rawPath.substring(endOfDomain);
        } else if (!rawPath.startsWith("/api/")) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return Optional.of(String.join("/", segments));
    }

    // The bridge holds API keys, which BambooHR takes as Basic credentials only; the OAuth alternative needs a
    // token the bridge never has, so an operation that lists basic requires Basic.
    private void checkSecurity(Request request, Operation operation, List<String> violations) {
        JsonNode requirements = contract.security(operation);
        Set<String> kinds = new HashSet<>();
        for (JsonNode alternative : requirements) {
            if (alternative.isEmpty()) {
                return;
            }
            alternative.fieldNames().forEachRemaining(name -> kinds.add(schemeKind(contract.securityScheme(name))));
        }
        String authorization = request.getHeader("Authorization");
        if (kinds.contains("basic")) {
            basicProblem(authorization).ifPresent(violations::add);
        } else if (kinds.contains("bearer") && !isBearer(authorization)) {
            violations.add(authorization == null ? "no Authorization header (the operation requires a bearer token)"
                    : "Authorization is not a bearer token");
        }
    }

    private static String schemeKind(JsonNode scheme) {
        String type = scheme.path("type").asText();
        String httpScheme = scheme.path("scheme").asText().toLowerCase(Locale.ROOT);
        if (type.equals("http") && httpScheme.equals("basic")) {
            return "basic";
        }
        return type.equals("oauth2") || type.equals("openIdConnect") || httpScheme.equals("bearer") ? "bearer" : type;
    }

    private static Optional<String> basicProblem(String authorization) {
        if (authorization == null) {
            return Optional.of("no Authorization header (the operation requires HTTP Basic)");
        }
        String[] parts = authorization.trim().split(" +", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Basic")) {
            return Optional.of("Authorization is not HTTP Basic");
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(parts[1].trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.of("Authorization Basic credentials are not base64");
        }
        if (credentials.indexOf(':') < 1) {
            return Optional.of("Authorization Basic credentials are not user:password with a non-empty user");
        }
        return Optional.empty();
    }

    private static boolean isBearer(String authorization) {
        return authorization != null && authorization.trim().matches("(?i)bearer +\\S+");
    }

    private void checkParameters(Request request, String apiPath, Operation operation, List<String> violations) {
        List<Located> declared = operation.parameters(contract);
        Map<String, List<String>> query = query(request.getUrl());
        Map<String, String> pathValues = pathValues(operation.template(), apiPath);

        for (Located parameter : declared) {
            String name = parameter.node().path("name").asText();
            boolean required = parameter.node().path("required").asBoolean(false);
            switch (parameter.node().path("in").asText()) {
                case "path" -> checkValue("path parameter " + name, pathValues.get(name), parameter, violations);
                case "query" -> {
                    boolean deepObject = parameter.node().path("style").asText().equals("deepObject");
                    List<String> values = deepObject ? deepObjectValues(query, name) : query.get(name);
                    if (values == null && required) {
                        violations.add("required query parameter " + name + " is missing");
                    } else if (values != null && !deepObject) {
                        values.forEach(value -> checkValue("query parameter " + name, value, parameter, violations));
                    }
                }
                case "header" -> {
                    if (IGNORED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    String value = request.getHeader(name);
                    if (value == null && required) {
                        violations.add("required header " + name + " is missing");
                    }
                    checkValue("header " + name, value, parameter, violations);
                }
                default -> {
                    // Limitation: cookie parameters are not checked; no BambooHR operation declares one.
                }
            }
        }

        // An operation documented without parameters may still take some, so only declared lists are closed.
        if (!declared.isEmpty()) {
            for (String sent : query.keySet()) {
                String name = sent.contains("[") ? sent.substring(0, sent.indexOf('[')) : sent;
                boolean known = declared.stream().anyMatch(parameter -> parameter.node().path("in").asText()
                        .equals("query") && parameter.node().path("name").asText().equals(name));
                if (!known) {
                    violations.add("query parameter " + sent + " is not declared by the operation");
                }
            }
        }
    }

    private static List<String> deepObjectValues(Map<String, List<String>> query, String name) {
        List<String> values = query.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(name + "["))
                .flatMap(entry -> entry.getValue().stream())
                .toList();
        return values.isEmpty() ? null : values;
    }

    /** Limitation: array and object parameters (deepObject filters, lists) are checked for presence only. */
    private void checkValue(String what, String value, Located parameter, List<String> violations) {
        Located schema = parameter.child("schema");
        if (value == null || schema.node().isMissingNode()) {
            return;
        }
        Set<String> types = types(contract.resolve(schema).node());
        if (types.contains("array") || types.contains("object")) {
            return;
        }
        for (String message : contract.validate(schema.pointer(), typed(value, types))) {
            violations.add(what + ": " + message.replaceFirst("^\\$: ", ""));
        }
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        Set<String> types = new HashSet<>();
        if (type.isArray()) {
            type.forEach(each -> types.add(each.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        return types;
    }

    /** Parameters arrive as text; they are read as the JSON type the schema asks for when they spell one. */
    private static JsonNode typed(String value, Set<String> types) {
        if ((types.contains("integer") || types.contains("number")) && NUMBER.matcher(value).matches()) {
            try {
                return JSON.readTree(value);
            } catch (JsonProcessingException e) {
                return TextNode.valueOf(value);
            }
        }
        if (types.contains("boolean") && (value.equals("true") || value.equals("false"))) {
            return BooleanNode.valueOf(Boolean.parseBoolean(value));
        }
        return TextNode.valueOf(value);
    }

    private static Map<String, String> pathValues(PathTemplate template, String apiPath) {
        String[] values = apiPath.substring(1).split("/", -1);
        Map<String, String> byName = new LinkedHashMap<>();
        for (int index = 0; index < template.segments().size(); index++) {
            String segment = template.segments().get(index);
            if (segment.startsWith("{")) {
                byName.put(segment.substring(1, segment.length() - 1), values[index]);
            }
        }
        return byName;
    }

    private static Map<String, List<String>> query(String url) {
        int start = url.indexOf('?');
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (start < 0) {
            return query;
        }
        for (String pair : url.substring(start + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] nameAndValue = pair.split("=", 2);
            String name = URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8);
            String value = nameAndValue.length > 1 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "";
            query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private void checkBody(Request request, Operation operation, List<String> violations) {
        Located requestBody = contract.resolve(operation.located().child("requestBody"));
        byte[] body = request.getBody();
        boolean sent = body != null && body.length > 0;
        if (requestBody.node().isMissingNode()) {
            if (sent) {
                violations.add("the operation takes no request body");
            }
            return;
        }
        if (!sent) {
            if (requestBody.node().path("required").asBoolean(false)) {
                violations.add("the request body is required");
            }
            return;
        }

        Located content = requestBody.child("content");
        List<String> accepted = new ArrayList<>();
        content.node().fieldNames().forEachRemaining(accepted::add);
        String contentType = request.getHeader("Content-Type");
        if (contentType == null) {
            violations.add("no Content-Type header; the operation accepts " + String.join(", ", accepted));
            return;
        }
        String[] typeAndParameters = contentType.split(";");
        String mediaType = typeAndParameters[0].trim().toLowerCase(Locale.ROOT);
        for (int index = 1; index < typeAndParameters.length; index++) {
            String[] parameter = typeAndParameters[index].trim().split("=", 2);
            String charset = parameter.length == 2 ? parameter[1].trim().replace("\"", "") : "";
            if (parameter[0].trim().equalsIgnoreCase("charset") && !charset.equalsIgnoreCase("utf-8")) {
                violations.add("Content-Type charset " + charset + " is not UTF-8");
            }
        }
        Optional<String> key = accepted.stream().filter(each -> mediaTypeMatches(each, mediaType)).findFirst();
        if (key.isEmpty()) {
            violations.add("Content-Type " + mediaType + " is not one the operation accepts ("
                    + String.join(", ", accepted) + ")");
            return;
        }

        Located schema = content.child(key.get()).child("schema");
        if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            checkJson(body, schema, violations);
        } else if (mediaType.endsWith("/xml") || mediaType.endsWith("+xml")) {
            checkXml(body, violations);
        } else if (mediaType.equals("multipart/form-data")) {
            Set<String> parts;
            try {
                parts = request.getParts().stream().map(Request.Part::getName).collect(Collectors.toSet());
            } catch (RuntimeException e) {
                violations.add("the multipart body cannot be read");
                return;
            }
            checkFields("multipart part", parts, schema, violations);
        } else if (mediaType.equals("application/x-www-form-urlencoded")) {
            checkFields("form field", request.formParameters().keySet(), schema, violations);
        }
    }

    private static boolean mediaTypeMatches(String declared, String sent) {
        String range = declared.toLowerCase(Locale.ROOT);
        if (range.equals("*/*")) {
            return true;
        }
        return range.endsWith("/*") ? sent.startsWith(range.substring(0, range.length() - 1)) : range.equals(sent);
    }

    private void checkJson(byte[] body, Located schema, List<String> violations) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            violations.add("the body is not JSON");
            return;
        }
        if (!schema.node().isMissingNode()) {
            contract.validate(schema.pointer(), json).forEach(message -> violations.add("body " + message));
        }
    }

    /** Limitation: XML bodies are checked for being well-formed only, not against the schema. */
    private static void checkXml(byte[] body, List<String> violations) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder parser = factory.newDocumentBuilder();
            // The default handler prints each error to stderr; this one only throws them.
            parser.setErrorHandler(new DefaultHandler());
            parser.parse(new ByteArrayInputStream(body));
        } catch (SAXException | IOException e) {
            violations.add("the body is not well-formed XML");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be configured securely", e);
        }
    }

    /** Limitation: form and multipart fields are checked for the required names only, not for their values. */
    private void checkFields(String what, Set<String> sent, Located schema, List<String> violations) {
        for (JsonNode required : contract.resolve(schema).node().path("required")) {
            if (!sent.contains(required.asText())) {
                violations.add(what + " " + required.asText() + " is missing");
            }
        }
    }
}
