/**
 * The assessment page's script: mounts the interactive assessment into the
 * pre-rendered #assessment-app (site/pages/Assessment.tsx). The locale for
 * numbers and money is the browser's (navigator.language). Imports stay
 * small: the engine, the shared form and result, money parsing; never
 * utils/db (Dexie) nor the analytics worker.
 */
import { render } from 'preact';
import { AssessmentApp } from './App';
import { siteLocale } from './assess';

const mount = document.getElementById('assessment-app');
if (mount) render(<AssessmentApp locale={siteLocale(navigator.language)} />, mount);
