/** Place names that read as Vietnamese: real provinces, communes built from common syllables. */
export const PROVINCES = [
  'Hải Dương', 'Quảng Trị', 'Quảng Ngãi', 'Nghệ An', 'Thanh Hóa', 'Thái Bình', 'Nam Định', 'Bắc Giang',
  'Phú Thọ', 'Đắk Lắk', 'Long An', 'Tiền Giang', 'Bình Định', 'Quảng Nam', 'Hà Tĩnh', 'Vĩnh Phúc',
  'Bến Tre', 'An Giang', 'Lâm Đồng', 'Sơn La', 'Ninh Bình', 'Bình Thuận', 'Tây Ninh', 'Kiên Giang',
] as const;

const FIRST = [
  'An', 'Bình', 'Hòa', 'Phú', 'Tân', 'Thạnh', 'Long', 'Đông', 'Tây', 'Nam', 'Hưng', 'Thịnh', 'Phước', 'Mỹ',
  'Quang', 'Quảng', 'Kim', 'Hải', 'Sơn', 'Xuân', 'Thanh', 'Vĩnh', 'Yên', 'Đại', 'Nghĩa', 'Trung', 'Hiệp',
  'Cẩm', 'Gia', 'Hồng', 'Lạc', 'Minh', 'Ngọc', 'Phúc', 'Tiên', 'Văn', 'Đức', 'Cát', 'Hoàng', 'Liên',
] as const;

const SECOND = [
  'An', 'Bình', 'Hòa', 'Lộc', 'Lợi', 'Phong', 'Thành', 'Thuận', 'Hưng', 'Phú', 'Tiến', 'Trung', 'Sơn',
  'Thủy', 'Lâm', 'Hải', 'Nghiệp', 'Đức', 'Khánh', 'Lập', 'Mỹ', 'Tân', 'Thắng', 'Xuyên', 'Châu', 'Đồng',
  'Giang', 'Hiệp', 'Linh', 'Long', 'Quang', 'Thịnh', 'Tường', 'Vinh', 'Yên', 'Định', 'Phước', 'Cường',
] as const;

export const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'] as const;
export const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Quốc', 'Thanh', 'Hữu', 'Ngọc'] as const;
export const GIVEN = ['Hùng', 'Lan', 'Tuấn', 'Hà', 'Dũng', 'Mai', 'Long', 'Hương', 'Thắng', 'Nga', 'Bình', 'Trang'] as const;

/** Every two-syllable name, in a fixed order. */
export const PLACE_NAMES: readonly string[] = FIRST.flatMap((a) => SECOND.filter((b) => b !== a).map((b) => `${a} ${b}`));
