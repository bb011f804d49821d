/** The texts of the login screen, Vietnamese first; English is typed by the Vietnamese. */
export const vi = {
  login: {
    enterYourUserName: 'Hãy nhập tên đăng nhập và mật khẩu.',
    logIn: 'Đăng nhập',
    userName: 'Tên đăng nhập',
    password: 'Mật khẩu',
    forgotYourPasswordAsk: 'Quên mật khẩu? Hãy nhờ quản trị viên cấp mật khẩu một lần mới.',
  },
};

export const en: typeof vi = {
  login: {
    enterYourUserName: 'Enter your user name and password.',
    logIn: 'Log in',
    userName: 'User name',
    password: 'Password',
    forgotYourPasswordAsk:
      'Forgot your password? Ask an administrator for a new one-time password.',
  },
};
