// Public entry points of the packs folder for the rest of safestep.
export { installedLessonDirs, packDir, packsDir } from '../paths.js';
