import { render } from 'preact';
import '@/components/theme.css';
import { OptionsApp } from './OptionsApp';

render(<OptionsApp />, document.getElementById('app')!);
