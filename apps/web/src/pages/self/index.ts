export { DirectoryPage } from './directory-page';
export { MyProfilePage } from './my-profile-page';
