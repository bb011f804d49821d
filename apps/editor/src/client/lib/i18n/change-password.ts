/**
 * The texts of choosing or changing one's password, Vietnamese first; English
 * is typed by the Vietnamese.
 */
export const vi = {
  changePassword: {
    /** The rules of a new password; `typed` is how long the one typed is, when it is not refused. */
    passwordRules: (min: string, max: string, typed: string | null) =>
      `Ít nhất ${min} ký tự${typed === null ? '' : ` (đang có ${typed})`}, tối đa ${max}. Dùng được mọi ký tự, kể cả chữ có dấu và khoảng trắng; không bắt buộc chữ hoa hay ký hiệu. Một câu dài dễ nhớ là tốt nhất. Mật khẩu phổ biến, đã bị lộ hoặc trùng tên đăng nhập sẽ bị từ chối.`,
    enterOneTimePassword: 'Hãy nhập mật khẩu một lần đã được cấp.',
    enterYourCurrentPassword: 'Hãy nhập mật khẩu hiện tại.',
    atLeastCharactersSo: (passwordMinLength: string, value: string) =>
      `Cần ít nhất ${passwordMinLength} ký tự (mới có ${value}).`,
    twoNewPasswordsDiffer: 'Hai lần nhập mật khẩu mới không giống nhau.',
    passwordChangedOtherSession: (otherSessionsEnded: string) =>
      `Đã đổi mật khẩu. ${otherSessionsEnded} phiên đăng nhập khác đã kết thúc.`,
    passwordChanged: 'Đã đổi mật khẩu.',
    chooseYourPassword: 'Đặt mật khẩu của bạn',
    changePassword: 'Đổi mật khẩu',
    youSignedInWith: (oneTimePasswordDays: string) =>
      `Bạn đã đăng nhập bằng mật khẩu một lần. Hãy đặt mật khẩu của riêng bạn trước khi làm việc; mật khẩu một lần hết hạn sau ${oneTimePasswordDays} ngày.`,
    oneTimePassword: 'Mật khẩu một lần',
    currentPassword: 'Mật khẩu hiện tại',
    newPassword: 'Mật khẩu mới',
    newPasswordAgain: 'Nhập lại mật khẩu mới',
    showPasswords: 'Hiện mật khẩu',
    savePasswordAndContinue: 'Lưu mật khẩu và tiếp tục',
    changingYourPasswordEnds:
      'Khi đổi mật khẩu, mọi phiên đăng nhập khác của bạn (máy khác, trình duyệt khác) kết thúc.',
  },
};

export const en: typeof vi = {
  changePassword: {
    passwordRules: (min: string, max: string, typed: string | null) =>
      `At least ${min} characters${typed === null ? '' : ` (${typed} so far)`}, at most ${max}. Any characters, accents and spaces too; no capitals or symbols required. A long sentence you remember is best. Common or breached passwords and your user name are refused.`,
    enterOneTimePassword: 'Enter the one-time password you were given.',
    enterYourCurrentPassword: 'Enter your current password.',
    atLeastCharactersSo: (passwordMinLength: string, value: string) =>
      `At least ${passwordMinLength} characters (${value} so far).`,
    twoNewPasswordsDiffer: 'The two new passwords differ.',
    passwordChangedOtherSession: (otherSessionsEnded: string) =>
      `Password changed. ${otherSessionsEnded} other session(s) ended.`,
    passwordChanged: 'Password changed.',
    chooseYourPassword: 'Choose your password',
    changePassword: 'Change password',
    youSignedInWith: (oneTimePasswordDays: string) =>
      `You signed in with a one-time password. Choose a password of your own before you go on; one-time passwords expire after ${oneTimePasswordDays} days.`,
    oneTimePassword: 'One-time password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    newPasswordAgain: 'New password again',
    showPasswords: 'Show passwords',
    savePasswordAndContinue: 'Save password and continue',
    changingYourPasswordEnds:
      'Changing your password ends every other session of yours (other computers, other browsers).',
  },
};
