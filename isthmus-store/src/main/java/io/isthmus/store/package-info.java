/**
 * The historian: raw samples with their quality, latest values, ranges, aggregates per interval,
 * retention and export, behind one interface ({@link io.isthmus.store.Historian}) so the embedded
 * default and a server option are interchangeable.
 *
 * <p>Queries and results are records that validate themselves; a query the historian will not run
 * fails with an {@link io.isthmus.store.InvalidQueryException} naming the {@link
 * io.isthmus.store.InvalidQueryException.Problem}. Delivery from the edge's journal is made
 * exactly-once by {@link io.isthmus.store.JournalBatch}: sequences already stored for that journal
 * are skipped, and the journal's new {@link io.isthmus.store.JournalProgress} is stored in the same
 * transaction as the samples.
 */
package io.isthmus.store;
