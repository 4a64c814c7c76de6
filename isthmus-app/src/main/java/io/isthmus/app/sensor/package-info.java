/**
 * The live network sensor of the hub: a pcap stream (a file, a FIFO, standard input, or the
 * virtual factory's mirror port) through the same passive pipeline, detection and inventory as
 * {@code isthmus analyze}, on its own thread; alerts and inventory changes go to the hub's event
 * log as they happen, and the REST API reads the inventory and the network map.
 */
package io.isthmus.app.sensor;
