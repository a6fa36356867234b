package dev.plugnet.testkit;

/**
 * The reference case {@code fixtures/seed-5-4-3-batch4.json} of SPEC.md (PyTorch autograd, float64): the 5-4-3
 * sigmoid/softmax/cross-entropy network on a batch of 4 with one-hot targets, every forward value and every
 * gradient of steps 1–8. A plugin that reimplements one of the network's pieces (a dense layer, an activation, a
 * loss, a shortcut) can check itself against these values to about 1e-14. Each accessor returns a fresh copy.
 * The numbers are the fixture's, written out because the test kit reads no JSON; plugnet's own build checks every
 * one of them against the fixture file, exactly.
 */
public final class SeedCase {
    /** L, the mean cross-entropy. */
    private static final double LOSS = 1.1751755323133255;

    /** x, the (4×5) input batch. */
    private static final double[][] X = {
            {-0.31128955419003207, -0.7130302768401124, -0.729068152895376, -0.29920233004408114, 0.8734455849426772},
            {-3.704663800207429, -1.8141539905872015, -1.8425712793844078, 0.09412786590968454, 0.5119431551289874},
            {0.5962195917653099, 1.2911149475664248, -2.1010054062092243, 1.5797411191469026, 1.0833573008638342},
            {0.8896745158287568, -1.928583354008078, -0.27100795326519517, -0.13592053405918775, 2.574546178223919}
    };

    /** t, the (4×3) one-hot targets. */
    private static final double[][] T = {
            {0.0, 1.0, 0.0},
            {1.0, 0.0, 0.0},
            {1.0, 0.0, 0.0},
            {0.0, 1.0, 0.0}
    };

    /** W1 (5×4). */
    private static final double[][] W1 = {
            {-0.9248209139878926, -0.0868262919030772, 0.1626554916356756, -0.16313785638222242},
            {-0.2673270814577489, -0.5240344119812697, -0.9109291948621777, -0.2105700987893738},
            {-0.5793136303639993, -0.12136290408329639, 0.11816624058880468, -0.31559554937726625},
            {0.7471801983951688, -0.052343864432527566, 0.28688776302768015, 0.009409651060611554},
            {-0.11075728756986628, 1.3084592981580727, 0.20601650145902034, -0.09859239811833136}
    };

    /** b1 as a (1×4) row. */
    private static final double[][] B1 = {{0.06592118381256741, -0.15963953322978042, -0.03768748708794492, -0.31020362081724556}};

    /** W2 (4×3). */
    private static final double[][] W2 = {
            {0.04695157242604911, 0.6190331783269801, -0.6729470914383022},
            {0.25594861991163365, -0.3466388339406023, -0.0833800842191929},
            {-0.4999410500241372, -0.8237832024142072, 0.40491422124557297},
            {0.027712199671696098, 0.5669941116476149, -0.2663218224045344}
    };

    /** b2 as a (1×3) row. */
    private static final double[][] B2 = {{-0.009946747824880278, -0.07212567805078339, 0.12707822395108917}};

    /** a1 = x·W1 + b1 (4×4). */
    private static final double[][] A1 = {
            {0.6464811750179904, 1.4880522178825664, 0.5691551271335759, 0.03188252548041193},
            {5.058099936494352, 2.001251373641602, 0.9270375846992375, 1.2080931773754489},
            {1.4468774812492322, 0.701827564264931, -0.6886934294472881, -0.1082178352051103},
            {-0.47101413745713383, 4.182451175115373, 2.3232069080806905, -0.21882196950903}
    };

    /** z = sigmoid(a1) (4×4). */
    private static final double[][] Z = {
            {0.656217065978753, 0.8157857411426378, 0.6385682022976366, 0.507969956262863},
            {0.993682536144004, 0.8809284015878055, 0.7164738893540601, 0.7699613848709258},
            {0.8095174100884929, 0.6685928420717864, 0.3343237893730459, 0.47297191343674366},
            {0.3843762389782631, 0.984968344738317, 0.910780874558698, 0.4455117562678236}
    };

    /** a2 = z·W2 + b2, the logits (4×3). */
    private static final double[][] A2 = {
            {-0.07550658284884895, -0.18671434463429487, -0.2592595638859232},
            {-0.07467676655476224, 0.08397720303450616, -0.5300164851248822},
            {0.04515168849316201, 0.18999418211088287, -0.46402177523170196},
            {-0.1827890265322171, -0.673295754719127, 0.036425234090558964}
    };

    /** s = softmax(a2) (4×3). */
    private static final double[][] S = {
            {0.3667175690173692, 0.3281215842183515, 0.3051608467642794},
            {0.356358255144827, 0.41762776820540315, 0.22601397664976974},
            {0.36273287961190076, 0.41926751975745774, 0.2179996006306415},
            {0.3499667806378514, 0.2142902724685805, 0.43574294689356813}
    };

    /** step 1, dL/ds (4×3). */
    private static final double[][] DL_DS = {
            {-0.0, -0.7619126934168257, -0.0},
            {-0.7015412057688909, -0.0, -0.0},
            {-0.689212404090533, -0.0, -0.0},
            {-0.0, -1.166641850421163, -0.0}
    };

    /** step 2, dL/da2 (4×3). */
    private static final double[][] DL_DA2 = {
            {0.0916793922543423, -0.1679696039454121, 0.07629021169106985},
            {-0.16091043621379325, 0.10440694205135079, 0.056503494162442436},
            {-0.15931678009702482, 0.10481687993936444, 0.054499900157660375},
            {0.08749169515946285, -0.19642743188285489, 0.10893573672339203}
    };

    /** step 3, dL/db2 (1×3). */
    private static final double[][] DL_DB2 = {{-0.1410561288970129, -0.15517321383755178, 0.2962293427345647}};

    /** step 4, dL/dW2 (4×3). */
    private static final double[][] DL_DW2 = {
            {-0.19507228703365478, 0.00287188597673489, 0.1922004010569199},
            {-0.08730134105012827, -0.16844715405517346, 0.25574849510530173},
            {-0.030322208370950635, -0.17631477189097028, 0.20663698026192093},
            {-0.1136982289894423, -0.04286948856956319, 0.1565677175590055}
    };

    /** step 5, dL/dz (4×4). */
    private static final double[][] DL_DZ = {
            {-0.1510135422299644, 0.07532891729503721, 0.12342723827273645, -0.113014886958092},
            {0.019052501124732717, -0.08208757082822674, 0.01731611569966859, 0.03969082568306765},
            {0.02072940369699643, -0.08165471729915545, 0.015370397934956577, 0.04050102257494092},
            {-0.19079521198878802, 0.08139968366913754, 0.1621825579332082, -0.13796057384692184}
    };

    /** step 6, dL/da1 (4×4). */
    private static final double[][] DL_DA1 = {
            {-0.03406808554884819, 0.011320381909287611, 0.02848686506081473, -0.028246543010980393},
            {0.0001196030952417159, -0.008610456950128211, 0.0035175793834481364, 0.00703007280911985},
            {0.003196452757913617, -0.01809276267903362, 0.0034207034749593472, 0.010095668939463908},
            {-0.04514808964269591, 0.0012051796710833382, 0.013178804330119136, -0.034080542835452754}
    };

    /** step 7, dL/db1 (1×4). */
    private static final double[][] DL_DB1 = {{-0.07590011933838878, -0.01417765804879088, 0.048603952249341345, -0.045201344097849386}};

    /** step 8, dL/dW1 (5×4). */
    private static final double[][] DL_DW1 = {
            {-0.02809936712976436, 0.018659889590539068, -0.008134775740277793, -0.04155255730009895},
            {0.11527344012288855, -0.018135205999773262, -0.04769332922539427, 0.0861488424235495},
            {0.03013730581839422, 0.045298429675940555, -0.03800873411848062, -0.004334712172479589},
            {0.021390628873541734, -0.03294325840903731, -0.004579678348324565, 0.029693946167474942},
            {-0.14246833013571125, -0.011018462724485742, 0.0643178116095621, -0.09787753528428593}
    };

    private SeedCase() {
    }

    /** @return L, the mean cross-entropy */
    public static double loss() {
        return LOSS;
    }

    /** @return a fresh copy of x, the (4×5) input batch */
    public static double[][] x() {
        return copy(X);
    }

    /** @return a fresh copy of t, the (4×3) one-hot targets */
    public static double[][] t() {
        return copy(T);
    }

    /** @return a fresh copy of W1 (5×4) */
    public static double[][] w1() {
        return copy(W1);
    }

    /** @return a fresh copy of b1 as a (1×4) row */
    public static double[][] b1() {
        return copy(B1);
    }

    /** @return a fresh copy of W2 (4×3) */
    public static double[][] w2() {
        return copy(W2);
    }

    /** @return a fresh copy of b2 as a (1×3) row */
    public static double[][] b2() {
        return copy(B2);
    }

    /** @return a fresh copy of a1 = x·W1 + b1 (4×4) */
    public static double[][] a1() {
        return copy(A1);
    }

    /** @return a fresh copy of z = sigmoid(a1) (4×4) */
    public static double[][] z() {
        return copy(Z);
    }

    /** @return a fresh copy of a2 = z·W2 + b2, the logits (4×3) */
    public static double[][] a2() {
        return copy(A2);
    }

    /** @return a fresh copy of s = softmax(a2) (4×3) */
    public static double[][] s() {
        return copy(S);
    }

    /** @return a fresh copy of step 1, dL/ds (4×3) */
    public static double[][] dLds() {
        return copy(DL_DS);
    }

    /** @return a fresh copy of step 2, dL/da2 (4×3) */
    public static double[][] dLda2() {
        return copy(DL_DA2);
    }

    /** @return a fresh copy of step 3, dL/db2 (1×3) */
    public static double[][] dLdb2() {
        return copy(DL_DB2);
    }

    /** @return a fresh copy of step 4, dL/dW2 (4×3) */
    public static double[][] dLdW2() {
        return copy(DL_DW2);
    }

    /** @return a fresh copy of step 5, dL/dz (4×4) */
    public static double[][] dLdz() {
        return copy(DL_DZ);
    }

    /** @return a fresh copy of step 6, dL/da1 (4×4) */
    public static double[][] dLda1() {
        return copy(DL_DA1);
    }

    /** @return a fresh copy of step 7, dL/db1 (1×4) */
    public static double[][] dLdb1() {
        return copy(DL_DB1);
    }

    /** @return a fresh copy of step 8, dL/dW1 (5×4) */
    public static double[][] dLdW1() {
        return copy(DL_DW1);
    }

    private static double[][] copy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }
}
