package org.linoconductor.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of every error answer of the application's API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String field) {}
