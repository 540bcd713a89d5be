import '@/utils/db';
