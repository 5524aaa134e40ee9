// The reader's and host's journey (journey.mjs) in Debian's Firefox ESR, through puppeteer-core and WebDriver BiDi.
import { journey } from './journey.mjs';

journey('firefox');
