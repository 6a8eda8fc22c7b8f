package io.lambdajca.local.runtime;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Rewrites a function class's calls to {@code System.getenv} into calls to {@link FunctionEnvironment}. */
final class EnvironmentRewriter {

    private static final byte[] GETENV = "getenv".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    private EnvironmentRewriter() {
    }

    static byte[] rewrite(byte[] classBytes) {
        if (!mentionsGetenv(classBytes)) {
            return classBytes;
        }
        ClassReader reader = new ClassReader(classBytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                return new MethodVisitor(Opcodes.ASM9, next) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        if (opcode == Opcodes.INVOKESTATIC && "java/lang/System".equals(owner)
                                && "getenv".equals(method)) {
                            super.visitMethodInsn(opcode, FunctionEnvironment.INTERNAL_NAME, method, desc, false);
                        } else {
                            super.visitMethodInsn(opcode, owner, method, desc, itf);
                        }
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }

    /** A cheap pre-check: the constant pool of a class that calls getenv contains the UTF-8 bytes "getenv". */
    private static boolean mentionsGetenv(byte[] bytes) {
        outer:
        for (int i = 0; i <= bytes.length - GETENV.length; i++) {
            for (int j = 0; j < GETENV.length; j++) {
                if (bytes[i + j] != GETENV[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
