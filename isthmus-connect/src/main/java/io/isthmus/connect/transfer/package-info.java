/**
 * Transfer from an edge to a hub: the pure codecs of what travels between them. A {@link
 * io.isthmus.connect.transfer.TransferBatch} carries journal records (sample batches and events,
 * their payloads unchanged) with the edge's id and how far delivery is settled; {@link
 * io.isthmus.connect.transfer.EventCodec} gives {@link io.isthmus.model.Event}s a journal payload.
 * No sockets here: the edge's forwarder and the hub's ingest endpoint live in the app.
 */
package io.isthmus.connect.transfer;
