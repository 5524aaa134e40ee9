// The reader's and host's journey (journey.mjs) in WebKitGTK's MiniBrowser under Xvfb, through WebKitWebDriver and selenium-webdriver.
import { journey } from './journey.mjs';

journey('webkit');
