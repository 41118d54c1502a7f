/**
 * The simulated Lino site that the demo and the tests run against, because real Lino cannot be
 * installed here. {@link org.linoconductor.sim.SimulatedLino} lays out an installation (sites,
 * logs, backups, upstream git repositories, a fake service command); {@link
 * org.linoconductor.sim.SimulatedSite} is one site; {@link org.linoconductor.sim.Scenario} names
 * the ways a real site fails. The behaviour itself lives in the generated Python and shell files
 * (resources of this package), so that every step runs as a real process.
 */
package org.linoconductor.sim;
