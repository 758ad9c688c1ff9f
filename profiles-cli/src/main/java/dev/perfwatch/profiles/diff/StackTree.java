package dev.perfwatch.profiles.diff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two cohorts' stacks merged into one tree: every node holds the base and the head weight of the
 * stacks through it, so shares can be compared frame by frame.
 */
final class StackTree {

	final String name;

	long base;

	long head;

	final Map<String, StackTree> children = new LinkedHashMap<>();

	StackTree(String name) {
		this.name = name;
	}

	void add(List<String> stack, long weight, boolean isHead) {
		StackTree node = this;
		node.count(weight, isHead);
		for (String frame : stack) {
			node = node.children.computeIfAbsent(frame, StackTree::new);
			node.count(weight, isHead);
		}
	}

	private void count(long weight, boolean isHead) {
		if (isHead) {
			this.head += weight;
		}
		else {
			this.base += weight;
		}
	}

}
