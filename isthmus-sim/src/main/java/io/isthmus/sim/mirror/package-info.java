/**
 * The virtual factory's mirror port: what a switch's SPAN port would carry if the factory's
 * loopback sockets ran over Ethernet. The frames are synthesized from the bytes the PLC servers
 * actually read and wrote on their sockets (and from the scenario actors' connection attempts),
 * framed as Ethernet/IPv4/TCP with the real loopback addresses and ports, a three-way handshake,
 * sequence numbers and FIN or RST; they are not a kernel capture.
 */
package io.isthmus.sim.mirror;
