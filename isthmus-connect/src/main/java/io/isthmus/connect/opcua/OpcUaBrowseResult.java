package io.isthmus.connect.opcua;

import java.util.List;

/**
 * What a walk of an address space found.
 *
 * @param variables the variables, in breadth-first order
 * @param nodesVisited nodes browsed
 * @param truncated the walk hit {@link BrowseLimits#maxNodes()} or {@link BrowseLimits#maxDepth()}
 *     with nodes left unvisited
 */
public record OpcUaBrowseResult(List<BrowsedVariable> variables, int nodesVisited, boolean truncated) {
    public OpcUaBrowseResult {
        variables = List.copyOf(variables);
    }
}
