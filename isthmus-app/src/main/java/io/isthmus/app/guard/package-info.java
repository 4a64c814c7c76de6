/**
 * The edges of detection: policy files in, alerts out as JSON lines and as syslog (RFC 5424) with
 * CEF payloads, baselines saved and loaded as JSON, and drafts of a policy from a capture.
 */
package io.isthmus.app.guard;
