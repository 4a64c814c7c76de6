/**
 * The tamper-evident audit log of every access decision (issue "Control access", item 4).
 *
 * <p>Records carry the fields IEC 62443-3-3 SR 2.8 asks of an audit record: timestamp, source,
 * category, type, event id and result ({@link io.isthmus.access.audit.AuditRecord}). They are
 * appended, one canonical text line each ({@link io.isthmus.access.audit.AuditLineCodec}), to a
 * file that is never rewritten, and hashed into a Merkle tree as RFC 6962 section 2.1 defines it
 * ({@link io.isthmus.access.audit.MerkleTree}). Every so often the log signs the tree's size and
 * root with Ed25519 into a checkpoint ({@link io.isthmus.access.audit.Checkpoint}); a verifier
 * holding the public key recomputes the tree from the records and finds any edited, deleted,
 * reordered or truncated record, and, given the last checkpoint it saw (a witness), any rollback to
 * an older state ({@link io.isthmus.access.audit.AuditVerifier}). Inclusion and consistency proofs
 * (RFC 6962 2.1.1, 2.1.2; verified as RFC 9162 2.1.3.2 and 2.1.4.2 describe) let a SIEM check single
 * records against a checkpoint without the whole log.
 */
package io.isthmus.access.audit;
