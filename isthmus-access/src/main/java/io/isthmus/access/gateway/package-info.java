/**
 * The access gateway's enforcement logic, apart from HTTP: sessions, per-item decisions, approvals
 * under the two-person rule, execution exactly once over the one path to OT the zones-and-conduits
 * policy allows, and an audit record for each step. The HTTPS server in the app module only maps
 * requests and answers to and from these calls.
 */
package io.isthmus.access.gateway;
