package dev.plugnet.api;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A dense, row-major matrix of {@code double}: rows are samples, as in SPEC.md ({@code x} is (B, n)). A bias
 * vector is a matrix of one row.
 *
 * <p>Every operation a layer needs comes in a form that writes into a caller-owned buffer ({@code …Into}), so
 * that a training step allocates nothing once its buffers exist. Shapes are checked; a mismatch throws
 * {@link ShapeMismatchException} naming the operation and both shapes. An output buffer must not be one of
 * the inputs unless the method says so.
 *
 * <p>The products here are the plain reference loops of {@link MatrixProducts#plain()}; a layer runs its
 * products through {@link LayerContext#products()}, on the compute backend the user chose.
 *
 * <p>The element array is exposed ({@link #data()}) for kernels that need raw speed; element {@code (i, j)}
 * lives at {@code data[i * cols + j]}.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public final class Matrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /**
     * @return a new {@code rows × cols} matrix of zeros
     * @throws ShapeMismatchException if a dimension is negative
     */
    public static Matrix zeros(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new ShapeMismatchException("zeros", "dimensions must not be negative, got (" + rows + "×" + cols + ")");
        }
        return new Matrix(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    /**
     * @return a matrix that wraps {@code data} (row-major, not copied)
     * @throws ShapeMismatchException if {@code data.length != rows * cols}
     */
    public static Matrix wrap(int rows, int cols, double[] data) {
        if (rows < 0 || cols < 0 || (long) rows * cols != data.length) {
            throw new ShapeMismatchException("wrap", "(" + rows + "×" + cols + ") needs " + ((long) rows * cols)
                    + " elements, got " + data.length);
        }
        return new Matrix(rows, cols, data);
    }

    /**
     * @param values rows of equal length (copied)
     * @return the matrix whose rows are {@code values}
     * @throws ShapeMismatchException if the rows are ragged
     */
    public static Matrix of(double[]... values) {
        int r = values.length;
        int c = r == 0 ? 0 : values[0].length;
        double[] d = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (values[i].length != c) {
                throw new ShapeMismatchException("of", "row " + i + " has " + values[i].length
                        + " values, row 0 has " + c);
            }
            System.arraycopy(values[i], 0, d, i * c, c);
        }
        return new Matrix(r, c, d);
    }

    /** @return a one-row matrix holding a copy of {@code values} */
    public static Matrix row(double... values) {
        return new Matrix(1, values.length, values.clone());
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** @return the shape as {@code (rows×cols)}, the form used in messages */
    public String shape() {
        return "(" + rows + "×" + cols + ")";
    }

    /** @return the live row-major element array; writes change this matrix */
    public double[] data() {
        return data;
    }

    public double get(int row, int col) {
        return data[index(row, col)];
    }

    public void set(int row, int col, double value) {
        data[index(row, col)] = value;
    }

    private int index(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new ShapeMismatchException("get/set", "index (" + row + ", " + col + ") is outside " + shape());
        }
        return row * cols + col;
    }

    /** @return a new matrix with the same shape and values */
    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    /** @return the rows as fresh arrays */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
        }
        return out;
    }

    /** @return whether this matrix has {@code rows × cols} */
    public boolean hasShape(int rows, int cols) {
        return this.rows == rows && this.cols == cols;
    }

    /** Sets every element to {@code value}. */
    public Matrix fill(double value) {
        Arrays.fill(data, value);
        return this;
    }

    /** Copies {@code source} into this matrix; the shapes must be equal. */
    public Matrix copyFrom(Matrix source) {
        requireSameShape("copyFrom", this, source);
        System.arraycopy(source.data, 0, data, 0, data.length);
        return this;
    }

    /** @return whether every element is finite (neither NaN nor ±Inf) */
    public boolean isFinite() {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** @return the largest absolute value of an element, 0 for an empty matrix */
    public double maxAbs() {
        double m = 0;
        for (double v : data) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /**
     * The error measure of SPEC.md's reference cases, the one plugnet uses wherever matrices are compared.
     *
     * @param expected the reference values
     * @return {@code max|this − expected| / max(1e-12, max|expected|)}; infinite if the shapes differ or an
     *         element's difference is not a number
     */
    public double relativeErrorTo(Matrix expected) {
        if (!hasShape(expected.rows(), expected.cols())) {
            return Double.POSITIVE_INFINITY;
        }
        double worst = 0;
        for (int i = 0; i < data.length; i++) {
            double d = Math.abs(data[i] - expected.data[i]);
            if (!(d <= worst)) {
                worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
            }
        }
        return worst / Math.max(1e-12, expected.maxAbs());
    }

    // ---- products --------------------------------------------------------------------------------------

    /**
     * {@code out = a · b}: (m×k)·(k×n) = (m×n), with {@link MatrixProducts#plain()}. A layer runs its products
     * on {@link LayerContext#products()} instead, the backend the user chose.
     *
     * @return {@code out}
     */
    public static Matrix multiplyInto(Matrix a, Matrix b, Matrix out) {
        return MatrixProducts.plain().multiplyInto(a, b, out);
    }

    /** @return a new matrix {@code a · b} */
    public static Matrix multiply(Matrix a, Matrix b) {
        return multiplyInto(a, b, zeros(a.rows, b.cols));
    }

    /**
     * {@code out = aᵀ · b}: (m×k)ᵀ·(m×n) = (k×n), as in SPEC.md step 4, with {@link MatrixProducts#plain()}.
     *
     * @return {@code out}
     */
    public static Matrix transposeMultiplyInto(Matrix a, Matrix b, Matrix out) {
        return MatrixProducts.plain().transposeMultiplyInto(a, b, out);
    }

    /**
     * {@code out = a · bᵀ}: (m×n)·(k×n)ᵀ = (m×k), as in SPEC.md step 5, with {@link MatrixProducts#plain()}.
     *
     * @return {@code out}
     */
    public static Matrix multiplyTransposeInto(Matrix a, Matrix b, Matrix out) {
        return MatrixProducts.plain().multiplyTransposeInto(a, b, out);
    }

    // ---- row vectors and element-wise -----------------------------------------------------------------

    /**
     * Adds the one-row matrix {@code vector} to every row of this matrix, in place ({@code x·W + b}).
     *
     * @return this matrix
     */
    public Matrix addRowVectorInPlace(Matrix vector) {
        if (!vector.hasShape(1, cols)) {
            throw new ShapeMismatchException("add row vector", shape() + " + " + vector.shape()
                    + ": expected a (1×" + cols + ") vector");
        }
        double[] v = vector.data;
        for (int i = 0, base = 0; i < rows; i++, base += cols) {
            for (int j = 0; j < cols; j++) {
                data[base + j] += v[j];
            }
        }
        return this;
    }

    /**
     * {@code out = [1 … 1] · this}: the column sums over the rows, a (1×cols) matrix (SPEC.md steps 3 and 7).
     *
     * @return {@code out}
     */
    public Matrix columnSumsInto(Matrix out) {
        if (!out.hasShape(1, cols)) {
            throw new ShapeMismatchException("column sums", shape() + " into " + out.shape()
                    + ": expected out (1×" + cols + ")");
        }
        double[] o = out.data;
        Arrays.fill(o, 0.0);
        for (int i = 0, base = 0; i < rows; i++, base += cols) {
            for (int j = 0; j < cols; j++) {
                o[j] += data[base + j];
            }
        }
        return out;
    }

    /**
     * {@code out = f(this)} element by element; {@code out} may be this matrix.
     *
     * @return {@code out}
     */
    public Matrix mapInto(DoubleUnaryOperator f, Matrix out) {
        requireSameShape("map", this, out);
        for (int i = 0; i < data.length; i++) {
            out.data[i] = f.applyAsDouble(data[i]);
        }
        return out;
    }

    /**
     * {@code out = f(this, other)} element by element (a zip); {@code out} may be this matrix or {@code other}.
     *
     * @return {@code out}
     * @throws ShapeMismatchException unless all three have one shape
     */
    @Api(status = Api.Status.STABLE, since = "1.0")
    public Matrix zipInto(Matrix other, DoubleBinaryOperator f, Matrix out) {
        requireSameShape("zip", this, other);
        requireSameShape("zip output", this, out);
        double[] o = other.data;
        double[] r = out.data;
        for (int i = 0; i < data.length; i++) {
            r[i] = f.applyAsDouble(data[i], o[i]);
        }
        return out;
    }

    /**
     * {@code out = this ⊙ other}, the element-wise (Hadamard) product, as in SPEC.md step 6; {@code out} may be
     * this matrix or {@code other}.
     *
     * @return {@code out}
     * @throws ShapeMismatchException unless all three have one shape
     */
    @Api(status = Api.Status.STABLE, since = "1.0")
    public Matrix hadamardInto(Matrix other, Matrix out) {
        requireSameShape("hadamard", this, other);
        requireSameShape("hadamard output", this, out);
        double[] o = other.data;
        double[] r = out.data;
        for (int i = 0; i < data.length; i++) {
            r[i] = data[i] * o[i];
        }
        return out;
    }

    /**
     * {@code this += factor · other}, element by element.
     *
     * @return this matrix
     */
    public Matrix addScaledInPlace(Matrix other, double factor) {
        requireSameShape("add scaled", this, other);
        double[] o = other.data;
        for (int i = 0; i < data.length; i++) {
            data[i] += factor * o[i];
        }
        return this;
    }

    /**
     * Throws {@link ShapeMismatchException} unless {@code a} and {@code b} have the same shape.
     *
     * @param operation named in the message
     */
    public static void requireSameShape(String operation, Matrix a, Matrix b) {
        if (a.rows != b.rows || a.cols != b.cols) {
            throw new ShapeMismatchException(operation, a.shape() + " and " + b.shape() + " must have the same shape");
        }
    }

    /**
     * Throws {@link ShapeMismatchException} unless {@code m} has {@code rows × cols}.
     *
     * @param what names {@code m} in the message, for example {@code "dense input"}
     */
    public static void requireShape(String what, Matrix m, int rows, int cols) {
        if (m.rows != rows || m.cols != cols) {
            throw new ShapeMismatchException(what, "expected (" + rows + "×" + cols + "), got " + m.shape());
        }
    }

    /** Two matrices are equal when their shapes and every element (bit for bit, as {@link Double#equals}) are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(shape()).append(' ');
        sb.append(Arrays.deepToString(toArray()));
        return sb.toString();
    }
}
