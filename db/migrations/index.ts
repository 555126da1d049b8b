import type { Migration, MigrationProvider } from 'kysely/migration';
import * as organisation from './001_organisation';
import * as cases from './002_cases';
import * as appendOnlyEvents from './003_append_only_events';
import * as enterpriseNotified from './004_enterprise_notified';
import * as access from './005_access';
import * as eventChain from './006_event_chain';
import * as documentsEmail from './007_documents_email';
import * as partiesAccess from './008_parties_access';
import * as calendar from './009_calendar';
import * as agreementCodes from './010_agreement_codes';
import * as agreementCodeTries from './011_agreement_code_tries';
import * as kindTables from './012_kind_tables';
import * as caseLinks from './013_case_links';
import * as personAccess from './014_person_access';
import * as lawyers from './015_lawyers';
import * as wageNegotiation from './016_wage_negotiation';
import * as negotiationIndex from './017_negotiation_index';
import * as lawLibrary from './018_law_library';
import * as guessCounts from './019_guess_counts';
import * as wageRoundWorkers from './020_wage_round_workers';
import * as riskWarning from './022_risk_warning';
import * as caseFinder from './023_case_finder';
import * as figures from './024_figures';
import * as agreementScans from './027_agreement_scans';

/** Listed explicitly (not read from disk) so the same provider works under tsx, vitest and a bundle. */
export const migrationProvider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return { '001_organisation': organisation, '002_cases': cases, '003_append_only_events': appendOnlyEvents,
      '004_enterprise_notified': enterpriseNotified, '005_access': access, '006_event_chain': eventChain,
      '007_documents_email': documentsEmail, '008_parties_access': partiesAccess,
      '009_calendar': calendar, '010_agreement_codes': agreementCodes, '011_agreement_code_tries': agreementCodeTries,
      '012_kind_tables': kindTables, '013_case_links': caseLinks, '014_person_access': personAccess,
      '015_lawyers': lawyers, '016_wage_negotiation': wageNegotiation, '017_negotiation_index': negotiationIndex,
      '018_law_library': lawLibrary, '019_guess_counts': guessCounts, '020_wage_round_workers': wageRoundWorkers,
      '022_risk_warning': riskWarning, '023_case_finder': caseFinder, '024_figures': figures,
      '027_agreement_scans': agreementScans,
    };
  },
};
