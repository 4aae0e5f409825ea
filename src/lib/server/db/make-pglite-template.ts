/** `npm run db:template`: remakes the archive of an empty PGlite folder that new databases are made from. */
import { writePgliteTemplate } from './index';

const { path, bytes } = await writePgliteTemplate();
console.log(`${path}: ${Math.round(bytes / 1024)} KiB`);
