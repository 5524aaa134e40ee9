// The reader's and host's journey (journey.mjs) in Debian's Chromium, through puppeteer-core.
import { journey } from './journey.mjs';

journey('chromium');
