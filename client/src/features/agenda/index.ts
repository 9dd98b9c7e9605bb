/** The agenda feature's public entry: what other features may use (the pages are routed lazily by the app). */
export { UpcomingAgenda } from './components/upcoming-agenda';
export { ScrutinMandate } from './components/scrutin-mandate';
