/** What the machine is: firmware and board identity, and the operating system release. */
package dev.vigil.agent.collector.inventory;
