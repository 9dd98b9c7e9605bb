/** The client's tests read real scrutins through the charts workspace's loader (one loader, Node only). */
export { realScrutin } from '../../../charts/src/test-support/real-data';
